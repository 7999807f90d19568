package dev.tern.discord.commands;

import dev.tern.config.SourceConfig;
import dev.tern.posting.Hashes;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * The custom id of a held-poll notice's Accept button: {@code tern:accept:HOLD:SOURCE}, where HOLD names the hold
 * (when it began) and SOURCE is the source id, or {@code ~} and a hash of it when the id would not fit Discord's
 * 100 characters.
 */
record AcceptButton(String holdId, String source) {

    private static final String HASHED = "~";
    private static final int HASH_LENGTH = 12;

    static String id(String sourceId, String holdId) {
        String prefix = TernCommand.NAME + ":" + TernCommand.ACCEPT + ":" + holdId + ":";
        String id = prefix + sourceId;
        return id.length() <= Button.ID_MAX_LENGTH ? id : prefix + HASHED + hash(sourceId);
    }

    /** Reads the arguments after the command name ({@code accept}, HOLD, SOURCE); empty for an older button. */
    static Optional<AcceptButton> read(String[] args) {
        if (args.length != 3 || !TernCommand.ACCEPT.equals(args[0])) {
            return Optional.empty();
        }
        return Optional.of(new AcceptButton(args[1], args[2]));
    }

    /** The configured source this button names, if any still does. */
    Optional<String> sourceId(List<SourceConfig> sources) {
        if (!source.startsWith(HASHED)) {
            return Optional.of(source);
        }
        String wanted = source.substring(HASHED.length());
        return sources.stream()
                .map(SourceConfig::id)
                .filter(id -> hash(id).equals(wanted))
                .findFirst();
    }

    private static String hash(String sourceId) {
        return Hashes.sha256(sourceId, HASH_LENGTH);
    }
}
