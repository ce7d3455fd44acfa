package org.hearth.model;

import java.util.List;

/**
 * A piece of a rendered Markdown body. Most of a body is plain HTML; writing space, trackers,
 * resource tables and facilitator notes are kept as structured blocks so each output can render
 * them its own way (ruled lines and form fields in print, answer boxes on the site).
 */
public sealed interface Block permits Block.Html, Block.Space, Block.Tracker, Block.Resources, Block.Facilitator {

    /** The block's type name, which templates switch on. */
    String type();

    /** Safe HTML rendered from Markdown. */
    record Html(String html) implements Block {
        @Override
        public String type() {
            return "html";
        }
    }

    /**
     * Writing space asked for with a {@code write} block.
     *
     * @param id unique within its document, for answer storage and form-field names
     * @param label text shown above the space, or empty
     * @param lines height in lines
     * @param box an open box instead of ruled lines
     */
    record Space(String id, String label, int lines, boolean box) implements Block {
        @Override
        public String type() {
            return "space";
        }
    }

    /**
     * A self-check table: rows rated on a scale, one column per date it is taken.
     *
     * @param id unique within its document
     * @param label heading of the table
     * @param scale the rating scale
     * @param columns one column per time the check is taken
     * @param rows the statements rated
     * @param low what the lowest score means, as the page's prose should say it too
     * @param high what the highest score means
     */
    record Tracker(String id, String label, Scale scale, List<String> columns, List<String> rows, String low, String high)
            implements Block {
        public Tracker {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        @Override
        public String type() {
            return "tracker";
        }
    }

    /** The table of support resources from {@code content/data/resources.yml}. */
    record Resources() implements Block {
        @Override
        public String type() {
            return "resources";
        }
    }

    /** A note only the facilitator edition shows. */
    record Facilitator(String html) implements Block {
        @Override
        public String type() {
            return "facilitator";
        }
    }
}
