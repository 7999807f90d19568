package dev.tern.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The source types as the adapters declare them, for loading configurations in tests. */
final class TestSourceTypes {

    private TestSourceTypes() {}

    static Map<String, SourceTypeSpec> all() {
        return Map.of(
                "simplify", new Spec("simplify", Set.of("url"), Set.of()),
                "greenhouse", new Spec("greenhouse", Set.of("board"), Set.of()),
                "lever", new LeverSpec());
    }

    /** A type with only required and optional keys. */
    record Spec(String type, Set<String> requiredKeys, Set<String> optionalKeys) implements SourceTypeSpec {}

    /** Lever, with a check of its own so that check problems can be tested. */
    static final class LeverSpec implements SourceTypeSpec {
        @Override
        public String type() {
            return "lever";
        }

        @Override
        public Set<String> requiredKeys() {
            return Set.of("site");
        }

        @Override
        public Set<String> optionalKeys() {
            return Set.of("region");
        }

        @Override
        public List<Problem> check(SourceConfig source) {
            return source.setting("region")
                    .filter(region -> !region.equals("us") && !region.equals("eu"))
                    .map(region -> List.of(new Problem("region", "region must be us or eu, not '" + region + "'")))
                    .orElse(List.of());
        }
    }
}
