import { envelope, type Envelope } from './sandbox-envelope.js';
import type { Route } from './sandbox-router.js';

/** A DeleteEntity request once its entity is known: everything, or the records whose `key` field equals `value`. */
export type DeleteRequest = { all: boolean; key: string | null; value: string | null };

/** Deletes from one entity; the store that keeps the entity provides it. */
export type EntityDeleter = (request: DeleteRequest) => Envelope;

/**
 * DeleteEntity, the one endpoint that spans stores: it checks what every deletion needs, then hands the request to
 * the store keeping the named entity (`deleterFor` answers `undefined` for an entity no store keeps).
 */
export function deleteEntityRoute(deleterFor: (entity: string) => EntityDeleter | undefined): Route {
  return ({ query }) => {
    const deleteAll = query.get('delete_all');
    if (deleteAll === null) return envelope(1600, null, ['Required field missing: delete_all']);
    const entity = query.get('entity');
    const deleter = entity === null ? undefined : deleterFor(entity);
    if (deleter === undefined) return envelope(1600, null, [`Entity: ${entity} not found`]);
    const all = deleteAll === 'true' || deleteAll === '1';
    return deleter({ all, key: query.get('key'), value: query.get('value') });
  };
}
