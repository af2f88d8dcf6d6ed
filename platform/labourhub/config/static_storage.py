from django.contrib.staticfiles.storage import HashedFilesMixin
from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedCompressedStaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed names (cached for a year) with gzip and brotli copies beside each file.

    Vendored minified libraries name source maps that are not shipped; rewriting only CSS
    references keeps a missing map from stopping collectstatic.
    """

    patterns = tuple(p for p in HashedFilesMixin.patterns if p[0] == "*.css")
