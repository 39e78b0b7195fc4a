import { parseContract, type Contract } from '@contractbeheer/core';
import * as z from 'zod';
import type { StoredContract } from '../store.js';
import { instant } from './rows.js';

/*
 * Every contract document in the database was written by the store from a parsed contract, yet each read parsed it
 * again with the core's schema: on a list page that was most of the request's CPU. Parsing is a pure function of the
 * document's text, so this keeps the results of the most recent reads, keyed by that exact text: a changed contract
 * is a different text (its version is in it) and is parsed afresh, so nothing read here can be stale. What the core
 * parses it marks as trusted, so the actions and the status check do not parse it yet again. The parsed values are
 * shared between reads and must not be changed in place (the core's rule for every parsed value).
 */

/** About 2 kB per entry (the text and its parsed form): a few megabytes at most, the hot contracts of a busy host. */
const REMEMBERED = 5_000;

const parsedByText = new Map<string, Contract>();

/** The contract a stored document (its JSON text) holds, parsed once per distinct text while it stays in use. */
export function readStoredContract(documentText: string): Contract {
  const known = parsedByText.get(documentText);
  if (known !== undefined) {
    // Most recently used last: Map keeps insertion order, so the first key is the one to forget.
    parsedByText.delete(documentText);
    parsedByText.set(documentText, known);
    return known;
  }
  const contract = parseContract(JSON.parse(documentText));
  parsedByText.set(documentText, contract);
  if (parsedByText.size > REMEMBERED) parsedByText.delete(parsedByText.keys().next().value!);
  return contract;
}

const contractRowSchema = z.object({ document: z.string(), created_at: instant, updated_at: instant });

/** A `contracts` row (its document as JSON text, see `readStoredContract`) as the store hands it out. */
export function storedContractOf(row: unknown): StoredContract {
  const { document, created_at, updated_at } = contractRowSchema.parse(row);
  return { contract: readStoredContract(document), createdAt: created_at, updatedAt: updated_at };
}
