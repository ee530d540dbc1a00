"""Pure text analysis: deterministic, offline, no framework imports."""

import os

# The analysers multiply small matrices (a few hundred rows). OpenBLAS's thread pool costs far more than
# it saves there: on a busy 2-core machine a 12×256 by 256×218 product took 31 ms with threads and
# 0.04 ms without. So numpy gets one BLAS thread unless the user chose otherwise (read when numpy loads).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
