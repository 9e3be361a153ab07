"""Editable resources: lexicons, actors, reporting verbs, negation, boilerplate and channel rules.

Every resource is a versioned data file (shipped ones in ``framing/data``). :func:`load_resources` loads a
consistent set of them into one :class:`Resources` bundle that every entry point accepts.
"""

from framing.config.actors import Actor, Actors, load_actors
from framing.config.credits import CreditRules, load_credit_rules
from framing.config.bundle import DEFAULT_LEXICONS, Resources, as_resources, load_resources
from framing.config.files import data_path, default_corpus, notebook_dir, read_yaml
from framing.config.lexicons import Lexicon, list_lexicons, load_lexicon, validate_lexicon
from framing.config.rules import BoilerplateRules, NegationRule, load_boilerplate_rules, load_negation_rule
from framing.config.verbs import ChannelRules, ReportingVerbs, load_channel_rules, load_reporting_verbs

__all__ = [
    "Actor", "Actors", "BoilerplateRules", "ChannelRules", "CreditRules", "DEFAULT_LEXICONS", "Lexicon", "NegationRule",
    "ReportingVerbs", "Resources", "as_resources", "data_path", "default_corpus", "list_lexicons", "load_actors",
    "load_boilerplate_rules", "load_channel_rules", "load_credit_rules", "load_lexicon", "load_negation_rule", "load_reporting_verbs",
    "load_resources", "notebook_dir", "read_yaml", "validate_lexicon",
]
