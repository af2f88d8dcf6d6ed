"""The Kubernetes manifests in infra/k8s/ validate against the Kubernetes API schema (strict)."""

from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = sorted((ROOT / "infra" / "k8s").glob("*.yaml"))
KUBERNETES = "1.33.0"


def _documents():
    for path in MANIFESTS:
        for index, doc in enumerate(yaml.safe_load_all(path.read_text(encoding="utf-8"))):
            if doc:
                yield pytest.param(doc, id=f"{path.name}#{index}:{doc.get('kind')}")


def test_there_are_manifests_to_check():
    assert MANIFESTS and list(_documents())


@pytest.mark.parametrize("document", list(_documents()))
def test_manifest_is_valid_kubernetes(document):
    kubernetes_validate.validate(document, KUBERNETES, strict=True)


def test_the_validator_rejects_a_broken_manifest():
    broken = next(iter(_documents())).values[0]
    broken = {**broken, "spec": {**broken["spec"], "replicas": "three"}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES, strict=True)
