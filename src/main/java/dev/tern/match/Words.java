package dev.tern.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a posting's searchable text (title, then each category), lower-cased and without accents. Each text
 * stays a separate field so that a phrase never spans a title and a category.
 *
 * <p>A word is a run of letters and digits; trailing {@code +} or {@code #} stay attached ("c++", "c#") and a
 * leading dot before letters too (".net"), so those can be searched for. Everything else separates words.
 */
final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int ASCII_LIMIT = 0x80;

    private final List<List<String>> fields;
    private final Set<String> distinct;

    private Words(List<List<String>> fields) {
        this.fields = fields;
        Set<String> all = new HashSet<>();
        fields.forEach(all::addAll);
        this.distinct = Collections.unmodifiableSet(all);
    }

    /** The words of each text, in order; null texts are skipped. */
    static Words of(List<String> texts) {
        List<List<String>> fields = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (text != null) {
                fields.add(tokenize(text));
            }
        }
        return new Words(fields);
    }

    /** Every distinct word. */
    Set<String> distinct() {
        return distinct;
    }

    /** Whether the word occurs as a whole word. */
    boolean contains(String word) {
        return distinct.contains(word);
    }

    /** Whether the words occur one right after the other within one field. */
    boolean containsSequence(List<String> sequence) {
        if (sequence.size() == 1) {
            return contains(sequence.get(0));
        }
        if (!distinct.containsAll(sequence)) {
            return false;
        }
        for (List<String> field : fields) {
            if (Collections.indexOfSubList(field, sequence) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Splits text into lower-case words without accents. */
    static List<String> tokenize(String text) {
        String folded = fold(text);
        List<String> words = new ArrayList<>();
        int length = folded.length();
        int i = 0;
        while (i < length) {
            if (!startsWord(folded, i)) {
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < length && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            i = suffixEnd(folded, i);
            words.add(folded.substring(start, i));
        }
        return words;
    }

    private static boolean startsWord(String text, int i) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        boolean dotBeforeLetter = c == '.' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
        return dotBeforeLetter && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
    }

    /** Keeps a run of '+' or '#' that ends a word ("c++", "c#") but not one that joins two words ("a+b"). */
    private static int suffixEnd(String text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '#')) {
            i++;
        }
        boolean endsWord = i == text.length() || !Character.isLetterOrDigit(text.charAt(i));
        return i > end && endsWord ? i : end;
    }

    private static String fold(String text) {
        boolean ascii = text.chars().allMatch(c -> c < ASCII_LIMIT);
        String plain = ascii
                ? text
                : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return plain.toLowerCase(Locale.ROOT);
    }
}
