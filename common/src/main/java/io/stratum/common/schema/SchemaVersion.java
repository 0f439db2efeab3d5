package io.stratum.common.schema;

/** Schema versions are whole numbers: migration {@code V<n>__what.sql} moves the database to n. */
public final class SchemaVersion {
    /** The newest migration this build contains. Raise it with every new migration file. */
    public static final int LATEST = 19;
    /** Where the migrations live on the class path. */
    public static final String LOCATION = "db/migration";

    private SchemaVersion() {
    }

    /**
     * The message for a database that an older build of Stratum must not touch, or null when this
     * build can run on a database at {@code databaseVersion}.
     */
    public static String refusal(int databaseVersion) {
        if (databaseVersion <= LATEST) {
            return null;
        }
        return "the database schema is at version " + databaseVersion + " but this Stratum build knows versions up to "
                + LATEST + "; it was upgraded by a newer Stratum. Start that newer version (downgrades are refused "
                + "to protect the data) or restore a backup taken before the upgrade.";
    }
}
