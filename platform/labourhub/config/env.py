from pathlib import Path

import environ

# platform/labourhub/config/env.py -> repository root is four levels up
BASE_DIR = Path(__file__).resolve().parents[3]

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
