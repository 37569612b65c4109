"""Closed vocabularies of the domain, each with a translatable label.

Values are stored in the database as their string value, so renaming a label never
touches stored data.
"""

from __future__ import annotations

from enum import StrEnum

from gwa_desktop.i18n import N_, UI_LANGUAGES, _, translation_for


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a translatable label in `_labels`."""

    @property
    def label(self) -> str:
        return _(type(self)._labels()[self])

    @property
    def search_words(self) -> str:
        """The label in every UI language: search must work after switching languages."""
        message = type(self)._labels()[self]
        return " ".join(translation_for(language).gettext(message) for language in UI_LANGUAGES)

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        raise NotImplementedError


class ContactKind(LabelledEnum):
    PERSON = "person"
    ORGANISATION = "organisation"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {cls.PERSON: N_("Person"), cls.ORGANISATION: N_("Organisation")}


class ContactRole(LabelledEnum):
    VOLUNTEER = "volunteer"
    LANGUAGE_MEDIATOR = "language_mediator"
    NEWCOMER = "newcomer"
    DAYCARE = "daycare"
    SCHOOL = "school"
    JOB_CENTRE = "job_centre"
    DISTRICT_OFFICE = "district_office"
    ASSOCIATION = "association"
    COUNSELLING_SERVICE = "counselling_service"
    ADMINISTRATION = "administration"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.VOLUNTEER: N_("Volunteer"),
            cls.LANGUAGE_MEDIATOR: N_("Language mediator"),
            cls.NEWCOMER: N_("Person with migration experience"),
            cls.DAYCARE: N_("Daycare centre"),
            cls.SCHOOL: N_("School"),
            cls.JOB_CENTRE: N_("Job centre"),
            cls.DISTRICT_OFFICE: N_("District office"),
            cls.ASSOCIATION: N_("Association"),
            cls.COUNSELLING_SERVICE: N_("Counselling service"),
            cls.ADMINISTRATION: N_("Municipal administration"),
            cls.OTHER: N_("Other"),
        }


class LegalBasis(LabelledEnum):
    """Art. 6 GDPR basis for storing more than a private person's name."""

    CONSENT = "consent"
    PUBLIC_TASK = "public_task"
    CONTRACT = "contract"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.CONSENT: N_("Consent (Art. 6(1)(a) GDPR)"),
            cls.PUBLIC_TASK: N_("Public task of the municipality (Art. 6(1)(e) GDPR)"),
            cls.CONTRACT: N_("Contract, e.g. volunteer agreement (Art. 6(1)(b) GDPR)"),
        }


class ConsentMethod(LabelledEnum):
    WRITTEN = "written"
    ELECTRONIC = "electronic"
    VERBAL = "verbal"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.WRITTEN: N_("Signed paper form"),
            cls.ELECTRONIC: N_("Electronically (e-mail, form)"),
            cls.VERBAL: N_("Verbally, documented"),
        }


class OfferCategory(LabelledEnum):
    LANGUAGE = "language"
    EDUCATION = "education"
    FAMILY = "family"
    WORK = "work"
    COUNSELLING = "counselling"
    LEISURE = "leisure"
    HEALTH = "health"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.LANGUAGE: N_("Language"),
            cls.EDUCATION: N_("Education"),
            cls.FAMILY: N_("Family"),
            cls.WORK: N_("Work"),
            cls.COUNSELLING: N_("Counselling"),
            cls.LEISURE: N_("Leisure and sport"),
            cls.HEALTH: N_("Health"),
            cls.OTHER: N_("Other"),
        }


class OfferStatus(LabelledEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.PLANNED: N_("Planned"),
            cls.ACTIVE: N_("Active"),
            cls.PAUSED: N_("Paused"),
            cls.ENDED: N_("Ended"),
        }


class TargetGroup(LabelledEnum):
    EVERYONE = "everyone"
    FAMILIES = "families"
    CHILDREN = "children"
    YOUTH = "youth"
    WOMEN = "women"
    MEN = "men"
    SENIORS = "seniors"
    NEWCOMERS = "newcomers"
    VOLUNTEERS = "volunteers"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.EVERYONE: N_("Everyone"),
            cls.FAMILIES: N_("Families"),
            cls.CHILDREN: N_("Children"),
            cls.YOUTH: N_("Young people"),
            cls.WOMEN: N_("Women"),
            cls.MEN: N_("Men"),
            cls.SENIORS: N_("Senior citizens"),
            cls.NEWCOMERS: N_("Newcomers"),
            cls.VOLUNTEERS: N_("Volunteers"),
        }


class Recurrence(LabelledEnum):
    ONCE = "once"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.ONCE: N_("One-off"),
            cls.WEEKLY: N_("Weekly"),
            cls.BIWEEKLY: N_("Every two weeks"),
            cls.MONTHLY: N_("Monthly (same weekday)"),
        }


class ActivityKind(LabelledEnum):
    NETWORK_MEETING = "network_meeting"
    JOINT_ACTION = "joint_action"
    EVENT = "event"
    COUNSELLING = "counselling"
    OFFER_SESSION = "offer_session"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.NETWORK_MEETING: N_("Network meeting"),
            cls.JOINT_ACTION: N_("Joint action"),
            cls.EVENT: N_("Event"),
            cls.COUNSELLING: N_("Counselling"),
            cls.OFFER_SESSION: N_("Offer session"),
            cls.OTHER: N_("Other"),
        }
