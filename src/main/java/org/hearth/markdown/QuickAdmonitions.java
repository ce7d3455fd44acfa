package org.hearth.markdown;

import com.vladsch.flexmark.ext.admonition.internal.AdmonitionBlockParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;

/**
 * flexmark's admonition parser, asked only about lines that can start a callout. Its own factory
 * formats and compiles a regular expression for nearly every line of every document before
 * looking for the {@code !!!} or {@code ???} that must begin the line (4 % of a 10,000-exercise
 * build's CPU time); this one looks first and hands the rest to it, so what it parses is the same.
 */
final class QuickAdmonitions implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
        // AdmonitionExtension sets no parser options either.
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    /** The admonition factory, its dependencies and lead-in handler unchanged. */
    private static final class Factory implements CustomBlockParserFactory {
        private final AdmonitionBlockParser.Factory inner = new AdmonitionBlockParser.Factory();

        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory parser = inner.apply(options);
            return (state, matched) -> {
                // flexmark's pattern is anchored at the line's first non-space character:
                // ^(\?{3}\+|\?{3}|!{3})\s+… — no other line can match it.
                BasedSequence line = state.getLine();
                int at = state.getNextNonSpaceIndex();
                if (at + 3 > line.length()) {
                    return BlockStart.none();
                }
                char c = line.charAt(at);
                if ((c != '!' && c != '?') || line.charAt(at + 1) != c || line.charAt(at + 2) != c) {
                    return BlockStart.none();
                }
                return parser.tryStart(state, matched);
            };
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return inner.getLeadInHandler(options);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return inner.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return inner.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return inner.affectsGlobalScope();
        }
    }
}
