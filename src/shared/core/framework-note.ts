/**
 * The framework note: the built-in template and its property list, shared by the template feature
 * (what a new note holds) and the comparison (its property order is the default column order).
 * The keys after `created` are the ones facts from package registries fill (with `language`,
 * `license`, `first_release`, `website`, `repository` and `summary` above).
 */
export const DEFAULT_TEMPLATE = `---
type: framework
category:
language:
summary:
async:
orm:
admin:
license:
first_release:
website:
repository:
related: []
tags:
  - framework
created: {{date}}
package:
latest_version:
latest_release:
stars:
archived:
last_commit:
---
## Overview

{{cursor}}

## Strengths

## Weaknesses

## When to use it

## Links

## Notes
`;

/** The default template's property names, in order. */
export const DEFAULT_PROPERTIES = [
	"type",
	"category",
	"language",
	"summary",
	"async",
	"orm",
	"admin",
	"license",
	"first_release",
	"website",
	"repository",
	"related",
	"tags",
	"created",
	"package",
	"latest_version",
	"latest_release",
	"stars",
	"archived",
	"last_commit",
] as const;
