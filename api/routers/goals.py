"""/goals: one goal up and down the KF → nämnd → enhet hierarchy, across years."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import BackendDep
from graph.browse import GoalDetail

router = APIRouter(tags=["browse"])


@router.get("/goals/{goal_id:path}", response_model=GoalDetail)
def goal(goal_id: str, backend: BackendDep) -> GoalDetail:
    """A goal (id as in /units/{id}, e.g. enhetsmal/alvsjo-servicehus/…): parents, children, statements."""
    return backend.browser.goal(goal_id)
