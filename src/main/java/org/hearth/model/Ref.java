package org.hearth.model;

import org.hearth.diag.Position;

/**
 * A reference to something by id, remembering where it was written so a broken one can be shown.
 *
 * @param id the referenced id
 * @param position where the reference is written
 */
public record Ref(String id, Position position) {
}
