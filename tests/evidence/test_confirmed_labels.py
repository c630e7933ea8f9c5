"""Only what a person confirmed becomes training data; copies are one example; half-reviewed documents wait."""

from __future__ import annotations

from evidence.confirmed_labels import confirmed_labels
from evidence.db.models import Batch, Document, DocumentText, Framework, Review, SuggestionRecord


def _doc(session, batch: Batch, path: str, sha: str, *, text: str | None = None, duplicate_of: int | None = None,
         suggested: tuple[int, ...] = ()) -> Document:
    doc = Document(batch_id=batch.id, path=path, filename=path.rsplit("/", 1)[-1], sha256=sha,
                   status="duplicate" if duplicate_of else "ok", duplicate_of_id=duplicate_of)
    session.add(doc)
    session.flush()
    if text is not None:
        session.add(DocumentText(document_id=doc.id, text=text))
    for rank, indicator in enumerate(suggested):
        session.add(SuggestionRecord(document_id=doc.id, framework_id="spbe-2020", indicator_id=indicator, score=0.9,
                                     threshold=0.5, above_threshold=True, rank=rank, reasons=[], model_version="m1"))
    return doc


def _review(session, doc: Document, indicator: int, decision: str, new: int | None = None) -> None:
    session.add(Review(document_id=doc.id, framework_id="spbe-2020", indicator_id=indicator, decision=decision,
                       new_indicator_id=new, reviewer="rina", model_version="m1"))
    session.flush()


def test_confirmed_labels_follow_the_latest_human_decision(database) -> None:
    with database.session() as s:
        if s.get(Framework, "spbe-2020") is None:
            s.add(Framework(id="spbe-2020", name="SPBE", catalog_version="1"))
            s.flush()
        batch = Batch(framework_id="spbe-2020", source_name="kiriman.zip", status="done")
        s.add(batch)
        s.flush()
        sk = _doc(s, batch, "Setda/SK Tim.pdf", "a" * 64, text="SK tim koordinasi SPBE", suggested=(10, 19))
        copy = _doc(s, batch, "Bappeda/SK Tim.pdf", "a" * 64, duplicate_of=sk.id)
        _review(s, sk, 10, "accept")
        _review(s, copy, 19, "relabel", new=20)  # a review on the copy counts for the content
        half = _doc(s, batch, "Setda/Perbup.pdf", "b" * 64, text="Perbup arsitektur", suggested=(1, 11))
        _review(s, half, 1, "accept")  # 11 not reviewed yet: not training data yet
        rejected = _doc(s, batch, "Dinas/festival.pdf", "c" * 64, text="festival budaya", suggested=(35,))
        _review(s, rejected, 35, "reject")  # nothing confirmed: no label to learn
        changed = _doc(s, batch, "Setda/SE.pdf", "d" * 64, text="surat edaran", suggested=(3,))
        _review(s, changed, 3, "accept")
        _review(s, changed, 3, "reject")  # the later decision wins
    with database.session() as s:
        labels = confirmed_labels(s, "spbe-2020")
    assert [(x.sha256[0], x.path, sorted(x.indicators)) for x in labels] == [("a", "Setda/SK Tim.pdf", [10, 20])]
    assert labels[0].text == "SK tim koordinasi SPBE"
