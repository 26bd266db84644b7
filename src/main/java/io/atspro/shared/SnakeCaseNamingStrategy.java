package io.atspro.shared;

import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * camelCase fields map to snake_case columns, except quoted names, which are kept exactly:
 * better-auth's tables use quoted camelCase columns such as {@code "emailVerified"}.
 */
public class SnakeCaseNamingStrategy extends CamelCaseToUnderscoresNamingStrategy {

    @Override
    public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment context) {
        return quoted(name) ? name : super.toPhysicalTableName(name, context);
    }

    @Override
    public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment context) {
        return quoted(name) ? name : super.toPhysicalColumnName(name, context);
    }

    private static boolean quoted(Identifier name) {
        return name != null && name.isQuoted();
    }
}
