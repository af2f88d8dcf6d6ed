from labourhub.config.env import env

AWS_S3_ENDPOINT_URL = env("S3_ENDPOINT_URL", default="") or None
AWS_STORAGE_BUCKET_NAME = env("S3_BUCKET", default="labourhub")
AWS_ACCESS_KEY_ID = env("S3_ACCESS_KEY_ID", default="dev")
AWS_SECRET_ACCESS_KEY = env("S3_SECRET_ACCESS_KEY", default="dev")
AWS_S3_REGION_NAME = env("S3_REGION", default="us-east-1")
AWS_S3_ADDRESSING_STYLE = "path"
AWS_DEFAULT_ACL = None
AWS_QUERYSTRING_AUTH = True

STORAGES = {
    "default": {"BACKEND": "labourhub.common.storage.TenantS3Storage"},
    "staticfiles": {"BACKEND": "labourhub.config.static_storage.HashedCompressedStaticStorage"},
}
