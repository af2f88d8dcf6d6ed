from labourhub.config.settings.base import *  # noqa: F403
from labourhub.config.env import env

DEBUG = env.bool("DEBUG", default=True)
