from celery import shared_task


@shared_task
def risk_model_train_task(*, version_id: int) -> int:
    from labourhub.targeting.services import risk_model_train

    return risk_model_train(version_id=version_id).pk


@shared_task(ignore_result=True)
def risk_scores_refresh_task(*, version_id: int) -> int:
    from labourhub.targeting.services import risk_scores_refresh

    return risk_scores_refresh(version_id=version_id)
