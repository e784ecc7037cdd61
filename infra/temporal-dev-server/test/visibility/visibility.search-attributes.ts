import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes the visibility conformance suite registers with `--search-attribute`. */
export const GEMEENTE = defineSearchAttributeKey('Gemeente', SearchAttributeType.KEYWORD);
export const FASE = defineSearchAttributeKey('Fase', SearchAttributeType.INT);
export const SCORE = defineSearchAttributeKey('Score', SearchAttributeType.DOUBLE);
export const ACTIEF = defineSearchAttributeKey('Actief', SearchAttributeType.BOOL);
export const DEADLINE = defineSearchAttributeKey('Deadline', SearchAttributeType.DATETIME);
export const LABELS = defineSearchAttributeKey('Labels', SearchAttributeType.KEYWORD_LIST);
export const OMSCHRIJVING = defineSearchAttributeKey('Omschrijving', SearchAttributeType.TEXT);

export const VISIBILITY_SEARCH_ATTRIBUTES = [GEMEENTE, FASE, SCORE, ACTIEF, DEADLINE, LABELS, OMSCHRIJVING];
