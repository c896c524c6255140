"""Every table of the domain (DESIGN.md, "Domain model"), one module per area."""

from db.base import Base, Row
from db.models.audit import AuditEntry
from db.models.consultations import CaseMeeting, Consultation, Referral
from db.models.paper import PaperDay
from db.models.settings import Setting
from db.models.survey import SurveyResponse
from db.models.survey_codes import SurveyCode
from db.models.targets import KpiTarget
from db.models.venues import Event, Venue
from db.models.visits import ChildCare, SupporterAttendance, Visit, Visitor
from db.models.workshops import Signup, Workshop, WorkshopSlot

__all__ = [
    "AuditEntry",
    "Base",
    "CaseMeeting",
    "ChildCare",
    "Consultation",
    "Event",
    "KpiTarget",
    "PaperDay",
    "Referral",
    "Row",
    "Setting",
    "Signup",
    "SupporterAttendance",
    "SurveyCode",
    "SurveyResponse",
    "Venue",
    "Visit",
    "Visitor",
    "Workshop",
    "WorkshopSlot",
]
