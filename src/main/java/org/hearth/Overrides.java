package org.hearth;

import java.util.List;
import org.hearth.model.Edition;
import org.hearth.model.Person;
import org.hearth.model.Ref;

/**
 * Changes to workbook.yml made for one build, from the command line or a row of a batch file.
 *
 * @param edition the edition to build, or null for workbook.yml's
 * @param person who the copy is for, or null for workbook.yml's
 * @param includeTags tags whose prompts are added to the selection (empty for none)
 * @param excludeTags tags whose prompts are left out (empty for none)
 * @param language the one language to build ({@code --language}, a batch row's {@code language}), or null for all
 */
public record Overrides(Edition edition, Person person, List<Ref> includeTags, List<Ref> excludeTags, String language) {

    /** No changes. */
    public static final Overrides NONE = new Overrides(null, null, List.of(), List.of());

    /** Changes for every language of the project. */
    public Overrides(Edition edition, Person person, List<Ref> includeTags, List<Ref> excludeTags) {
        this(edition, person, includeTags, excludeTags, null);
    }

    /** The same changes for one language only. */
    public Overrides withLanguage(String only) {
        return new Overrides(edition, person, includeTags, excludeTags, only);
    }

    public Overrides {
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
    }
}
