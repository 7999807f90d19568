package dev.tern.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The keyword queries of the filters, as bitsets over subscription positions. Most queries students write are one
 * clause of alternatives ({@code ml OR ai}, {@code software}) plus perhaps exclusions ({@code -senior}): such a
 * query is answered exactly, by the subscriptions filed under each word of the title (the clause) minus those filed
 * under each excluded word. A phrase in the clause files its query under one of its words, and any other query
 * ({@code software engineer}, nested groups, excluded phrases) under a word it requires, or under nothing when it
 * requires none: those are candidates only, and run their query on the postings that pass everything else.
 */
final class QueryBits {

    private static final Comparator<String> MOST_SELECTIVE_FIRST =
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());

    private final List<Query> queries = new ArrayList<>();
    private final BitSet open = new BitSet();
    private final BitSet alwaysCandidate = new BitSet();
    private final Buckets<String> byWord = new Buckets<>();
    private final Buckets<String> candidateByWord = new Buckets<>();
    private final Buckets<String> excludedByWord = new Buckets<>();
    private int run;

    /** Files the query of the filter at {@code position} (the positions come in order, from 0). */
    void file(Query query, int position) {
        queries.add(query);
        if (query == null) {
            open.set(position);
            return;
        }
        List<QueryNode> parts = query.root() instanceof QueryNode.All all ? all.parts() : List.of(query.root());
        List<QueryNode> clauses =
                parts.stream().filter(part -> !(part instanceof QueryNode.Not)).toList();
        List<List<String>> excluded = new ArrayList<>();
        boolean wordsExcluded = true;
        for (QueryNode part : parts) {
            if (part instanceof QueryNode.Not not) {
                List<List<String>> terms = terms(not.part());
                wordsExcluded &= !terms.isEmpty() && terms.stream().allMatch(words -> words.size() == 1);
                excluded.addAll(terms);
            }
        }
        List<List<String>> alternatives = clauses.size() == 1 ? terms(clauses.getFirst()) : List.of();
        boolean simple = wordsExcluded && (clauses.isEmpty() || clauses.size() == 1 && !alternatives.isEmpty());
        if (!simple || alternatives.stream().anyMatch(words -> words.size() > 1)) {
            run++;
        }
        if (!simple) {
            fileAsCandidate(query.requiredWords(), position);
            return;
        }
        excluded.forEach(words -> excludedByWord.file(words.getFirst(), position));
        if (clauses.isEmpty()) {
            open.set(position);
        }
        for (List<String> words : alternatives) {
            if (words.size() == 1) {
                byWord.file(words.getFirst(), position);
            } else {
                candidateByWord.file(mostSelective(Set.copyOf(words)), position);
            }
        }
    }

    /** How many queries are not answered by bitsets alone and run on the postings that pass the rest. */
    int run() {
        return run;
    }

    void seal(int size) {
        byWord.seal(size);
        candidateByWord.seal(size);
        excludedByWord.seal(size);
    }

    /**
     * Keeps in {@code result} only the subscriptions whose query the words satisfy; runs the query itself only for
     * the candidates that are left.
     */
    void narrow(Words words, BitSet result, BitSet scratch) {
        BitSet sure = scratch;
        sure.clear();
        sure.or(open);
        int size = queries.size();
        BitSet candidates = new BitSet(size);
        candidates.or(alwaysCandidate);
        BitSet excluded = new BitSet(size);
        for (String word : words.distinct()) {
            byWord.mark(word, sure);
            candidateByWord.mark(word, candidates);
            excludedByWord.mark(word, excluded);
        }
        candidates.andNot(sure);
        candidates.and(result);
        result.and(sure);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (queries.get(i).matches(words)) {
                result.set(i);
            }
        }
        result.andNot(excluded);
    }

    private void fileAsCandidate(Set<String> required, int position) {
        if (required.isEmpty()) {
            alwaysCandidate.set(position);
        } else {
            candidateByWord.file(mostSelective(required), position);
        }
    }

    /** The terms of a clause of alternatives (a term, or terms joined by OR), or none when it is anything else. */
    private static List<List<String>> terms(QueryNode node) {
        return switch (node) {
            case QueryNode.Term term -> List.of(term.words());
            case QueryNode.Any any -> {
                List<List<String>> out = new ArrayList<>();
                for (QueryNode part : any.parts()) {
                    List<List<String>> inner = terms(part);
                    if (inner.isEmpty()) {
                        yield List.of();
                    }
                    out.addAll(inner);
                }
                yield out;
            }
            case QueryNode.All all -> List.of();
            case QueryNode.Not not -> List.of();
        };
    }

    private static String mostSelective(Set<String> words) {
        return words.stream().min(MOST_SELECTIVE_FIRST).orElseThrow();
    }
}
