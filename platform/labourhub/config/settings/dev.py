from labourhub.config.env import env
from labourhub.config.settings.base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)
