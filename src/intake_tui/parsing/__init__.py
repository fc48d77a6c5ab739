"""Parsers for what an operator types: one parser per kind of value, shared by every entry path.

Each parser takes a raw value (TUI text or any JSON value) and returns a
:class:`~intake_tui.parsing.result.Parsed`; none raises for bad input.

- :mod:`.text`: ``to_halfwidth``, ``collapse_spaces``, ``parse_text``, ``parse_email``,
  ``parse_bool``
- :mod:`.numbers`: ``parse_number``, ``parse_money_wan``, ``parse_tax_wan``, ``UNKNOWN_WORDS``
- :mod:`.area`: ``AreaRange``, ``parse_floor_area_sqm``, ``parse_land_area_mu``, ``SQM_PER_MU``
- :mod:`.choice`: ``parse_choice``, ``parse_choices``, ``describe_choices``
- :mod:`.timeline`: ``parse_timeline``
- :mod:`.phone`: ``parse_mobile``, ``parse_alt_phone``, ``group_mobile``, ``describe_mobile``
- :mod:`.company`: ``normalise_company_name``, ``parse_company_name``, ``parse_uscc``,
  ``ORGANISATION_FORMS``
- :mod:`.numerals` and :mod:`.raw`: the number reading and raw-value checks they share
"""
