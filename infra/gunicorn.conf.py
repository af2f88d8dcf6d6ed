# Process workers, not threads: django-tenants' content-type cache is process-wide (stack-probe §4.5).
import multiprocessing

bind = "0.0.0.0:8000"
workers = multiprocessing.cpu_count() * 2 + 1
worker_class = "sync"
timeout = 60
graceful_timeout = 20
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
