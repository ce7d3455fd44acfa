package org.hearth.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hearth.Overrides;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.diag.Suggest;
import org.hearth.model.Edition;
import org.hearth.model.Ref;
import org.hearth.model.Slug;
import org.hearth.source.PathNames;
import org.hearth.source.StrictUtf8;

/**
 * Reads a people file: CSV with a header row. Columns: {@code name} (required), and optionally
 * {@code slug}, {@code edition}, {@code start_date}, {@code dedication}, {@code tags} and
 * {@code exclude_tags} (tags separated by {@code ;}) and {@code language} (one of workbook.yml's
 * {@code languages}; empty for the default). A bad row is reported with its line and
 * left out; the other rows still build.
 */
public final class PeopleFile {

    /** Every column a people file may have. */
    public static final List<String> COLUMNS = List.of("name", "slug", "edition", "start_date", "dedication", "tags", "exclude_tags", "language");

    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private final PathNames names;

    /** A slug already used, by the row that used it first. */
    private record Taken(int line, String slug) {
    }

    public PeopleFile(PathNames names) {
        this.names = names;
    }

    /** The good rows; problems with the others go to {@code d}. */
    public List<Person> read(Path file, Diagnostics d) {
        String shown = names.display(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        String text;
        try {
            text = new StrictUtf8().decode(Files.readAllBytes(file), shown);
        } catch (IOException e) {
            throw BuildFailure.of(Position.ofFile(shown), "cannot read the people file: " + e.getMessage(), "check that it is readable");
        }
        try (Reader reader = new StringReader(text); CSVParser csv = CSVParser.parse(reader, format)) {
            List<String> header = csv.getHeaderNames();
            for (int i = 0; i < header.size(); i++) {
                if (!COLUMNS.contains(header.get(i))) {
                    throw BuildFailure.of(new Position(shown, 1, column(header, i)), "unknown column '" + header.get(i) + "'",
                            Suggest.hint(header.get(i), COLUMNS, "columns are: " + String.join(", ", COLUMNS)));
                }
            }
            if (!header.contains("name")) {
                throw BuildFailure.of(new Position(shown, 1, 1), "the people file has no 'name' column",
                        "start the file with a header row such as: name,edition,start_date");
            }
            List<Person> people = new ArrayList<>();
            Map<String, Taken> slugs = new HashMap<>();
            Iterator<CSVRecord> rows = csv.iterator();
            int lastLine = 1;
            while (true) {
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    // The row after the last good one is where the quoting went wrong; what follows cannot be trusted.
                    throw BuildFailure.of(new Position(shown, lastLine + 1, 1), "this row cannot be read as CSV (" + reason(e) + ")",
                            "a cell that starts with \" must end with \", and a \" inside it is written \"\"");
                }
                int line = (int) row.getParser().getCurrentLineNumber();
                lastLine = line;
                readRow(row, header, shown, line, slugs, d).ifPresent(people::add);
            }
            return people;
        } catch (IOException | IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            // Only the header row is read before the loop.
            throw BuildFailure.of(new Position(shown, 1, 1), "the header row cannot be read as CSV (" + reason(e) + ")",
                    "start the file with a header row of distinct column names, such as: name,edition,start_date");
        }
    }

    /** The parser's own words, without the names of its exception classes. */
    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).replaceFirst("^[\\w.]+Exception: ", "");
    }

    private static java.util.Optional<Person> readRow(CSVRecord row, List<String> header, String file, int line,
            Map<String, Taken> slugs, Diagnostics d) {
        Map<String, String> values = row.toMap();
        List<String> cells = row.toList();
        int before = d.list().size();
        String name = values.getOrDefault("name", "");
        if (name.isBlank()) {
            d.error(new Position(file, line, column(cells, header.indexOf("name"))), "this row has no name",
                    "every row needs a name; other columns may be empty");
        }
        Edition edition = null;
        String e = values.getOrDefault("edition", "");
        if (!e.isBlank()) {
            edition = Edition.byLabel().get(e.toLowerCase(Locale.ROOT));
            if (edition == null) {
                d.error(new Position(file, line, column(cells, header.indexOf("edition"))), "unknown edition '" + e + "'",
                        Suggest.hint(e, Edition.byLabel().keySet(), "use client or facilitator"));
            }
        }
        LocalDate start = null;
        String s = values.getOrDefault("start_date", "");
        if (!s.isBlank()) {
            try {
                start = LocalDate.parse(s);
            } catch (DateTimeParseException ex) {
                d.error(new Position(file, line, column(cells, header.indexOf("start_date"))), "'" + s + "' is not a date",
                        "write dates as YYYY-MM-DD, for example 2026-01-31");
            }
        }
        String slug = values.getOrDefault("slug", "");
        Position slugAt = new Position(file, line, column(cells, header.indexOf("slug")));
        if (!slug.isBlank() && !SLUG.matcher(slug).matches()) {
            // The slug names files under people/: anything but a plain name could write elsewhere.
            d.error(slugAt, "'" + slug + "' cannot be a slug",
                    "use letters, digits, '-' and '_' only (at most 100), such as " + slug(slug));
        } else if (!name.isBlank()) {
            slug = slug.isBlank() ? slug(name) : slug;
            // Folded, because on macOS and Windows 'Sam.pdf' and 'sam.pdf' are the same file.
            Taken first = slugs.putIfAbsent(slug.toLowerCase(Locale.ROOT), new Taken(line, slug));
            if (first != null) {
                d.error(slugAt.column() > 1 && !values.getOrDefault("slug", "").isBlank() ? slugAt : new Position(file, line, 1),
                        "two rows would both write people/" + slug + ".pdf (row " + first.line() + " has '" + first.slug() + "')",
                        "give one of them a different 'slug' column");
            }
        }
        String language = values.getOrDefault("language", "");
        if (!language.isBlank() && !language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            d.error(new Position(file, line, column(cells, header.indexOf("language"))), "'" + language + "' is not a language tag",
                    "write one of the languages in workbook.yml's 'languages', such as es, or leave it empty for the default");
        }
        if (d.list().size() > before) {
            return java.util.Optional.empty();
        }
        Position tagsAt = new Position(file, line, column(cells, header.indexOf("tags")));
        Position excludeAt = new Position(file, line, column(cells, header.indexOf("exclude_tags")));
        org.hearth.model.Person person = new org.hearth.model.Person(name, start, values.getOrDefault("dedication", ""));
        return java.util.Optional.of(new Person(line, slug, new Overrides(edition, person,
                refs(values.getOrDefault("tags", ""), tagsAt), refs(values.getOrDefault("exclude_tags", ""), excludeAt)).withLanguage(language.isBlank() ? null : language)));
    }

    private static List<Ref> refs(String list, Position at) {
        List<Ref> refs = new ArrayList<>();
        for (String t : list.split(";")) {
            if (!t.isBlank()) {
                refs.add(new Ref(t.trim(), at));
            }
        }
        return refs;
    }

    /** Column of a cell in its line, counting from 1 (cells with quotes shift it a little; the line is exact). */
    private static int column(List<String> cells, int index) {
        if (index < 0) {
            return 1;
        }
        int col = 1;
        for (int i = 0; i < index && i < cells.size(); i++) {
            col += cells.get(i).length() + 1;
        }
        return col;
    }

    /** A file-name-safe version of a name: "Zoë Smith" → "zoe-smith". */
    static String slug(String name) {
        return Slug.of(name, "person");
    }
}
