from nextround.cli.main import run

run()
