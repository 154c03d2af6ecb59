/**
 * The framework note: the built-in template and its property list, shared by the template feature
 * (what a new note holds) and the comparison (its property order is the default column order).
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
] as const;
