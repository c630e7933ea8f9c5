"""Model versions: which one is current, their figures on the real documents, and retraining on reviewed documents."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict

from classifier.artifact import current_version, list_versions, load_card, real_figures
from evidence.catalog import Catalog
from evidence.reviews.agreement import model_agreement
from evidence.runtime import Runtime
from service.deps import AdminPrincipal, CatalogDep, ReviewerPrincipal, RuntimeDep
from service.routes.common import API_PREFIX, FORBIDDEN, INVALID, UNAUTHORIZED

router = APIRouter(prefix=API_PREFIX, tags=["model"])


class ReviewAgreementOut(BaseModel):
    """How reviewers' decisions agreed with this version's suggestions on this Pemda's own documents
    (``evidence.reviews.agreement.Agreement``, read from its attributes): never documents it was trained on."""

    model_config = ConfigDict(from_attributes=True)

    documents: int
    suggested: int
    accepted: int
    confirmed: int
    confirmed_as_candidate: int
    nothing_confirmed: int
    nothing_confirmed_suggested: int
    precision: float | None
    recall: float | None
    found_or_to_check: float | None
    unrelated_with_suggestion: float | None


class ModelVersionOut(BaseModel):
    version: str
    current: bool
    created_at: str | None = None
    data_sha256: str | None = None
    reviewed_documents: int = 0
    # Grouped cross-validation over the real labelled documents; for versions trained before it, their
    # figures on the real documents they were not trained on.
    real_documents: dict[str, float | int] = {}
    real_documents_measure: str | None = None
    # 95% interval [low, high] of each headline figure (bootstrap over the document groups), where the card has it.
    real_documents_intervals: dict[str, list[float]] = {}
    # On the documents reviewers decided here, each judged against the first version decided on; null before any.
    review_agreement: ReviewAgreementOut | None = None


class ModelsOut(BaseModel):
    framework: str
    current: str | None
    versions: list[ModelVersionOut]


class RetrainAcceptedOut(BaseModel):
    framework: str
    job_id: str | None
    mode: str
    detail: str


HEADLINE_METRICS = ("documents", "micro_f1", "macro_f1", "top1_accuracy", "top3_recall",
                    "false_positive_rate_unrelated", "expected_calibration_error")


def model_versions(rt: Runtime, catalog: Catalog) -> ModelsOut:
    """Every stored version of ``catalog``'s framework with its card figures and how reviewers here agreed
    with it: one builder for the API and the models page."""
    models_dir = rt.settings.models_dir
    current = current_version(models_dir, catalog.id)
    with rt.db.session() as session:
        agreement = model_agreement(session, catalog.id)
    versions = []
    for version in list_versions(models_dir, catalog.id):
        card = load_card(models_dir, catalog.id, version)
        measure, figures = real_figures(card)
        versions.append(ModelVersionOut(
            version=version, current=version == current, created_at=card.get("created_at"),
            data_sha256=card.get("data_sha256"), reviewed_documents=card.get("training", {}).get("reviewed", 0),
            real_documents={k: figures[k] for k in HEADLINE_METRICS if k in figures}, real_documents_measure=measure,
            real_documents_intervals=figures.get("intervals_95", {}),
            review_agreement=ReviewAgreementOut.model_validate(agreement[version]) if version in agreement else None,
        ))
    return ModelsOut(framework=catalog.id, current=current, versions=versions)


@router.get("/models", response_model=ModelsOut, responses={**UNAUTHORIZED, **FORBIDDEN, **INVALID})
def models(rt: RuntimeDep, request: Request, principal: ReviewerPrincipal, catalog: CatalogDep) -> ModelsOut:
    """Model versions of ``framework`` with their figures on the real documents (never trained or tuned on),
    and how reviewers here agreed with each version's suggestions."""
    return model_versions(rt, catalog)


@router.post("/models/retrain", status_code=202, response_model=RetrainAcceptedOut,
             responses={**UNAUTHORIZED, **FORBIDDEN, **INVALID})
def retrain(rt: RuntimeDep, request: Request, principal: AdminPrincipal, catalog: CatalogDep) -> RetrainAcceptedOut:
    """Queue a retrain on the base corpus plus reviewer-confirmed documents. The job skips when no
    confirmed label changed and promotes the new version only if it is not worse on held-out documents."""
    dispatcher = rt.dispatcher
    job_id = dispatcher.submit_retrain(catalog.id)
    return RetrainAcceptedOut(framework=catalog.id, job_id=job_id, mode=dispatcher.mode,
                           detail="Pelatihan ulang diantrekan; lihat GET /api/v1/models untuk hasilnya.")
