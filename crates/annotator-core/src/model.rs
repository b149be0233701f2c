//! The annotation of SPEC.md as plain Rust types. Field names, order and value spellings are
//! the JSON contract; unknown fields are ignored on reading.

use serde::{Deserialize, Serialize};

use crate::text::language::Language;

/// A stretch of the article: code-point offsets into the text as given, `end` exclusive, and
/// `text` equal to that slice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One article's annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub language: Language,
    /// ISO date that relative and year-less expressions were resolved against.
    pub reference_date: Option<String>,
    pub entities: Vec<Entity>,
    pub casualties: Vec<Casualty>,
    pub timeline: Vec<TimelineItem>,
    /// Page noise (player residue, repeated captions): shown muted, never annotated.
    #[serde(default)]
    pub noise: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Location,
    Organization,
    Weapon,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [EntityType::Person, EntityType::Location, EntityType::Organization, EntityType::Weapon];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Location => "location",
            EntityType::Organization => "organization",
            EntityType::Weapon => "weapon",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One real-world referent with every mention of it; `name` is its canonical form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub name: String,
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyKind {
    Killed,
    Wounded,
    Missing,
    Captured,
    Displaced,
    Evacuated,
    Affected,
    KilledOrWounded,
}

impl CasualtyKind {
    pub const ALL: [CasualtyKind; 8] = [CasualtyKind::Killed, CasualtyKind::Wounded, CasualtyKind::Missing, CasualtyKind::Captured, CasualtyKind::Displaced, CasualtyKind::Evacuated, CasualtyKind::Affected, CasualtyKind::KilledOrWounded];

    pub fn parse(s: &str) -> Option<CasualtyKind> {
        CasualtyKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CasualtyKind::Killed => "killed",
            CasualtyKind::Wounded => "wounded",
            CasualtyKind::Missing => "missing",
            CasualtyKind::Captured => "captured",
            CasualtyKind::Displaced => "displaced",
            CasualtyKind::Evacuated => "evacuated",
            CasualtyKind::Affected => "affected",
            CasualtyKind::KilledOrWounded => "killed_or_wounded",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Civilian,
    Military,
    Unspecified,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::Civilian, Group::Military, Group::Unspecified];

    pub fn parse(s: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Civilian => "civilian",
            Group::Military => "military",
            Group::Unspecified => "unspecified",
        }
    }
}

/// A casualty figure or statement. `min`/`max` are both `None` for a statement without a
/// figure; `max` alone is `None` for "at least N".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Casualty {
    pub kind: CasualtyKind,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub group: Group,
    pub party: Option<String>,
    pub location: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Why the figure was read: the construction, in words ("a figure, then its outcome
    /// word"). For a person checking it; not part of the contract (SPEC: unknown fields are
    /// ignored by readers). Always written, as `cue` and `mentions` are (null, empty): every
    /// item has the same fields, for typed readers (the archives' Spark columns).
    #[serde(default)]
    pub why: String,
    /// The outcome word the figure was read with ("killed", "thiệt mạng"), when one was.
    #[serde(default)]
    pub cue: Option<Span>,
    /// Where the article states this same figure, when more than once ("kills 12" in the
    /// headline, "12 people were killed" below): every statement, this item's own first;
    /// empty when it is stated once.
    #[serde(default)]
    pub mentions: Vec<Span>,
}

/// A dated expression, its resolved value (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) and the
/// sentence it dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineItem {
    pub value: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub event: Span,
    /// How the value was reached ("a day and month; the year of the reference date"). For a
    /// person checking it; not part of the contract.
    #[serde(default)]
    pub why: String,
}
