package org.hearth.answers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Position;
import org.hearth.diag.Shown;

/**
 * Reads the site's answers export ({@code hearth-answers}, version 1; README, "Export format") with
 * the same checks the site's import makes; every problem names the file, line and column.
 */
public final class AnswersReader {

    /** The largest file read, as the site's import allows. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The longest answer, as the site allows. */
    public static final int MAX_TEXT = AnswerLimits.MAX_TEXT;
    /** The most answers one file may hold, as the site allows. */
    public static final int MAX_ANSWERS = AnswerLimits.MAX_FIELDS;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");
    // A book's id, a person's site's ("<id>-<name>"), and a language edition's ("<id>--<lang>").
    private static final Pattern WORKBOOK_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String HINT = "export the answers again from My answers on the workbook's site";

    /** A JSON value with where it starts. */
    private sealed interface J permits JObject, JArray, JString, JNumber, JBool, JNull {
        Position at();
    }

    private record JObject(Position at, Map<String, J> members) implements J {
    }

    private record JArray(Position at, List<J> items) implements J {
    }

    private record JString(Position at, String value) implements J {
    }

    private record JNumber(Position at, String value) implements J {
    }

    private record JBool(Position at, boolean value) implements J {
    }

    private record JNull(Position at) implements J {
    }

    /**
     * Reads an export.
     *
     * @param bytes the file's bytes
     * @param file the file as named in messages
     * @throws BuildFailure naming the position of the first problem
     */
    public AnswersFile read(byte[] bytes, String file) {
        if (bytes.length > MAX_BYTES) {
            throw BuildFailure.of(Position.ofFile(file), String.format(java.util.Locale.ROOT,
                    "the answers file is %.1f MB; an answers export is at most %d MB", bytes.length / 1048576.0, MAX_BYTES / 1048576),
                    "choose the JSON file exported from My answers");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw BuildFailure.of(Position.ofFile(file), "the answers file is not UTF-8 text", HINT);
        }
        J root = parse(text, file);
        return answersFile(root, file);
    }

    private static J parse(String text, String file) {
        // Jackson enforces the limits as it reads: a hostile file stops at its first oversized part.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(AnswerLimits.MAX_NESTING)
                        .maxStringLength(MAX_TEXT).maxNumberLength(20).maxNameLength(1_000).build())
                .build();
        try (JsonParser p = factory.createParser(text)) {
            try {
                if (p.nextToken() == null) {
                    throw BuildFailure.of(Position.ofFile(file), "the answers file is empty", HINT);
                }
                J root = value(p, file, new int[1]);
                if (p.nextToken() != null) {
                    throw BuildFailure.of(at(p.currentTokenLocation(), file), "the answers file has more after its JSON object", HINT);
                }
                return root;
            } catch (StreamConstraintsException e) {
                throw BuildFailure.of(at(p.currentTokenLocation(), file), limit(e.getOriginalMessage()), AnswerLimits.HINT);
            }
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            // Only the position: the parser's own message quotes the text around it, which is a person's words.
            throw BuildFailure.of(at(e.getLocation(), file), "the answers file is not valid JSON here", HINT);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BuildFailure.of(at(e.getLocation(), file), "the answers file is not valid JSON: " + firstLine(e.getOriginalMessage()), HINT);
        } catch (IOException e) {
            throw BuildFailure.of(Position.ofFile(file), "the answers file could not be read: " + e.getMessage(), HINT);
        }
    }

    /** Jackson's words for a broken limit, in ours. */
    private static String limit(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.startsWith("String value length") || m.startsWith("String length")) {
            return "a text in the answers file is longer than " + AnswerLimits.count(MAX_TEXT) + " characters; an answer has at most "
                    + AnswerLimits.count(MAX_TEXT);
        }
        if (m.startsWith("Document nesting depth") || m.contains("nesting depth")) {
            return "the answers file nests deeper than " + AnswerLimits.MAX_NESTING + " levels; an export nests four";
        }
        if (m.startsWith("Number value length") || m.startsWith("Number length")) {
            return "the answers file has a number longer than 20 digits";
        }
        if (m.startsWith("Name length")) {
            return "the answers file has a key longer than 1,000 characters";
        }
        return "the answers file is not an answers export: " + firstLine(m);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unexpected input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Position at(JsonLocation l, String file) {
        return l == null ? Position.ofFile(file) : new Position(file, Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
    }

    private static J value(JsonParser p, String file, int[] values) throws IOException {
        Position at = at(p.currentTokenLocation(), file);
        JsonToken t = p.currentToken();
        if (++values[0] > AnswerLimits.MAX_VALUES) {
            throw BuildFailure.of(at, "the answers file has more than " + AnswerLimits.count(AnswerLimits.MAX_VALUES)
                    + " values; an export of every answer a workbook can hold has fewer", AnswerLimits.HINT);
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, J> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Position key = at(p.currentTokenLocation(), file);
                    p.nextToken();
                    if (members.put(name, value(p, file, values)) != null) {
                        throw BuildFailure.of(key, "the answers file names “" + Shown.name(name) + "” twice in one object", HINT);
                    }
                }
                return new JObject(at, members);
            }
            case START_ARRAY -> {
                List<J> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, file, values));
                }
                return new JArray(at, items);
            }
            case VALUE_STRING -> {
                return new JString(at, p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new JNumber(at, p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new JBool(at, t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return new JNull(at);
            }
            default -> throw BuildFailure.of(at, "the answers file is not valid JSON", HINT);
        }
    }

    private AnswersFile answersFile(J root, String file) {
        if (!(root instanceof JObject top)) {
            throw BuildFailure.of(root.at(), "the file does not hold an answers export (it is not a JSON object)", HINT);
        }
        J format = top.members().get("format");
        if (!(format instanceof JString f) || !f.value().equals(AnswersFile.FORMAT)) {
            throw BuildFailure.of(format == null ? top.at() : format.at(),
                    "this is not a Hearth answers export (its format is not “" + AnswersFile.FORMAT + "”)", HINT);
        }
        J version = top.members().get("version");
        if (!(version instanceof JNumber v) || !v.value().equals("1")) {
            String shown = version instanceof JNumber v ? v.value() : null;
            throw BuildFailure.of(version == null ? top.at() : version.at(), shown != null && !shown.startsWith("-") && !shown.equals("0")
                    ? "the answers file has format version " + shown + "; this Hearth reads version " + AnswersFile.VERSION
                    : "the answers file's format version is missing or not a number",
                    shown != null ? "export the answers with a site built by the same Hearth version, or update Hearth" : HINT);
        }
        keys(top, Set.of("format", "version", "workbook", "exportedAt", "answers", "encryption", "sealed"), "the file");
        J wb = top.members().get("workbook");
        if (!(wb instanceof JObject w) || !(w.members().get("id") instanceof JString id) || !WORKBOOK_ID.matcher(id.value()).matches()
                || id.value().length() > 200) {
            throw BuildFailure.of(wb == null ? top.at() : wb.at(), "the answers file's workbook id is missing or not an id", HINT);
        }
        keys(w, Set.of("id", "title"), "its workbook");
        J title = w.members().get("title");
        if (title != null && (!(title instanceof JString t) || t.value().length() > 500)) {
            throw BuildFailure.of(title.at(), "the answers file's workbook title is not text", HINT);
        }
        Instant exportedAt = time(top.members().get("exportedAt"), top.at(), "the answers file's exportedAt");
        if (top.members().containsKey("sealed")) {
            throw BuildFailure.of(top.members().get("sealed").at(), "the answers file is encrypted with a passphrase",
                    "on the site, unlock My answers and choose Export (not the encrypted export); keep the plain file private");
        }
        J answers = top.members().get("answers");
        if (!(answers instanceof JObject all)) {
            throw BuildFailure.of(answers == null ? top.at() : answers.at(), "the answers file has no answers", HINT);
        }
        if (all.members().size() > MAX_ANSWERS) {
            throw BuildFailure.of(all.at(), "the answers file has " + all.members().size() + " answers; a workbook has at most " + MAX_ANSWERS, HINT);
        }
        Map<String, Answer> out = new TreeMap<>();
        for (Map.Entry<String, J> e : all.members().entrySet()) {
            out.put(e.getKey(), answer(e.getKey(), e.getValue()));
        }
        return new AnswersFile(id.value(), title instanceof JString t ? t.value() : id.value(), exportedAt, out, "");
    }

    private static Answer answer(String id, J json) {
        String where = "the answer “" + Shown.name(id) + "”";
        if (!ID.matcher(id).matches()) {
            throw BuildFailure.of(json.at(), where + " does not have a valid answer id", HINT);
        }
        if (!(json instanceof JObject a)) {
            throw BuildFailure.of(json.at(), where + " is not an answer record", HINT);
        }
        keys(a, Set.of("value", "updatedAt", "history", "question", "page"), where);
        J v = a.members().get("value");
        Answer.Value value = switch (v) {
            case JString s when s.value().length() > MAX_TEXT -> throw BuildFailure.of(s.at(),
                    where + " is longer than " + String.format(java.util.Locale.ROOT, "%,d", MAX_TEXT) + " characters", HINT);
            case JString s -> new Answer.Text(s.value());
            case JBool b -> new Answer.Tick(b.value());
            case null -> throw BuildFailure.of(a.at(), where + " has no value", HINT);
            default -> throw BuildFailure.of(v.at(), where + " has a value that is neither text nor true/false", HINT);
        };
        Instant updated = time(a.members().get("updatedAt"), a.at(), where + "'s updatedAt");
        List<Answer.Dated> history = new ArrayList<>();
        J h = a.members().get("history");
        if (h != null) {
            if (!(h instanceof JArray list) || list.items().size() > 1000) {
                throw BuildFailure.of(h.at(), where + " has a history that is not a short list", HINT);
            }
            for (J item : list.items()) {
                if (!(item instanceof JObject x) || !(x.members().get("date") instanceof JString d) || !DAY.matcher(d.value()).matches()
                        || !(x.members().get("value") instanceof JString hv) || hv.value().length() > 100) {
                    throw BuildFailure.of(item.at(), where + " has a history entry without a date (YYYY-MM-DD) and a short value", HINT);
                }
                keys(x, Set.of("date", "value"), where + "'s history entry");
                if (AnswerLimits.day(d.value()) == null) {
                    throw BuildFailure.of(d.at(), where + "'s history entry has the date " + Shown.name(d.value())
                            + ", which is no day between 1970 and 9999", AnswerLimits.DATE_HINT);
                }
                history.add(new Answer.Dated(d.value(), hv.value()));
            }
        }
        for (String info : List.of("question", "page")) {
            J x = a.members().get(info);
            if (x != null && !(x instanceof JString)) {
                throw BuildFailure.of(x.at(), where + "'s " + info + " is not text", HINT);
            }
        }
        return new Answer(id, value, updated, history);
    }

    private static Instant time(J json, Position parent, String what) {
        if (json instanceof JString s && s.value().length() <= 40) {
            Instant t = null;
            try {
                t = java.time.OffsetDateTime.parse(s.value()).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
            if (t != null && !AnswerLimits.inRange(t)) {
                // A keepsake prints these as dates; years before 1970 or past 9999 are no time anyone wrote.
                throw BuildFailure.of(s.at(), what + " is in the year " + t.atZone(java.time.ZoneOffset.UTC).getYear() + ", outside 1970–9999",
                        AnswerLimits.DATE_HINT);
            }
            if (t != null) {
                return t;
            }
        }
        throw BuildFailure.of(json == null ? parent : json.at(), what + " is not a date and time (ISO 8601, as 2026-12-02T14:02:11.000Z)", HINT);
    }

    private static void keys(JObject o, Set<String> allowed, String where) {
        for (String k : o.members().keySet()) {
            if (!allowed.contains(k)) {
                throw BuildFailure.of(o.members().get(k).at(), where + " has a field this format does not have: “" + Shown.name(k) + "”", HINT);
            }
        }
    }
}
