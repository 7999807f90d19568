package dev.tern.posting;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and removes workplace words in location text: remote markers ("Remote", "Anywhere", "WFH") and on-site
 * markers ("Hybrid", "On-site"), leaving the place they qualify ("Remote in USA" leaves "USA").
 */
final class WorkplaceMarkers {

    /** What a piece of location text says about the workplace, and the place text left once the marker is gone. */
    record Reading(boolean remote, boolean onSite, String place, boolean markerIsOwnPart) {}

    private static final Pattern REMOTE = Pattern.compile(
            "(?<!\\w)(?:fully[ -]|100% )?(?:remote|anywhere|worldwide|work from home|wfh|telecommute|virtual)(?!\\w)",
            Pattern.CASE_INSENSITIVE);
    private static final String[] REMOTE_HINTS = {
        "remote", "anywhere", "worldwide", "work from home", "wfh", "telecommute", "virtual"
    };
    private static final String[] ON_SITE_HINTS = {"hybrid", "site", "office", "person"};
    private static final Pattern ON_SITE =
            Pattern.compile("(?<!\\w)(?:hybrid|on-?site|in[- ]office|in[- ]person)(?!\\w)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EDGE_WORDS = Pattern.compile(
            "^(?:(?:based )?in|from|within|across)\\s+|\\s+(?:only|based|friendly|ok|first|eligible)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*\\)|\\[\\s*]");
    private static final String EDGE_PUNCTUATION = " -–—:,/|";
    private static final int MAX_CLEANUP_ROUNDS = 4;

    private WorkplaceMarkers() {}

    /** Reads the markers in one location piece; the place is the text itself when there is no marker. */
    static Reading read(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher remote = REMOTE.matcher(text);
        if (Text.containsAny(lower, REMOTE_HINTS) && remote.find()) {
            return new Reading(true, false, without(text, remote), ownPart(text, remote));
        }
        Matcher onSite = ON_SITE.matcher(text);
        if (Text.containsAny(lower, ON_SITE_HINTS) && onSite.find()) {
            return new Reading(false, true, without(text, onSite), ownPart(text, onSite));
        }
        return new Reading(false, false, text, false);
    }

    /** Whether the text carries an on-site or hybrid marker. */
    static boolean marksOnSite(String text) {
        return Text.containsAny(text.toLowerCase(Locale.ROOT), ON_SITE_HINTS)
                && ON_SITE.matcher(text).find();
    }

    /** Whether the text carries a remote marker. */
    static boolean marksRemote(String text) {
        return Text.containsAny(text.toLowerCase(Locale.ROOT), REMOTE_HINTS)
                && REMOTE.matcher(text).find();
    }

    private static String without(String text, Matcher marker) {
        String rest = text.substring(0, marker.start()) + " " + text.substring(marker.end());
        for (int round = 0; round < MAX_CLEANUP_ROUNDS; round++) {
            String before = rest;
            rest = Text.clean(EMPTY_BRACKETS.matcher(rest).replaceAll(""));
            rest = strip(rest);
            if (rest.startsWith("(") && rest.endsWith(")") && rest.indexOf('(', 1) < 0) {
                rest = rest.substring(1, rest.length() - 1);
            }
            rest = EDGE_WORDS.matcher(rest).replaceAll("");
            if (rest.equals(before)) {
                break;
            }
        }
        return rest;
    }

    private static boolean ownPart(String text, Matcher marker) {
        int partStart = text.lastIndexOf(',', marker.start()) + 1;
        int partEnd = text.indexOf(',', marker.end());
        String part = text.substring(partStart, partEnd < 0 ? text.length() : partEnd);
        return text.indexOf(',') >= 0 && strip(part).length() == marker.end() - marker.start();
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && EDGE_PUNCTUATION.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && EDGE_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }
}
