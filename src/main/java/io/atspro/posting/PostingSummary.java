package io.atspro.posting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A posting in a result list. {@code snippet} is the start of the description. */
public record PostingSummary(UUID id, String title, UUID companyId, String companyName, String location,
        String city, String state, String country, String workArrangement, String employmentType,
        String experienceLevel, BigDecimal salaryMin, BigDecimal salaryMax, String salaryCurrency,
        String salaryInterval, Instant postedAt, String sourcePlatform, String applyUrl, boolean isActive,
        String snippet, @com.fasterxml.jackson.annotation.JsonIgnore int tier) {

    /** Reads the columns of {@link PostingSearch#COLUMNS} plus the tier. */
    static PostingSummary read(ResultSet rs) throws SQLException {
        int i = 1;
        return new PostingSummary(rs.getObject(i++, UUID.class), rs.getString(i++), rs.getObject(i++, UUID.class),
                rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++),
                rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getBigDecimal(i++), rs.getBigDecimal(i++),
                rs.getString(i++), rs.getString(i++), rs.getTimestamp(i++).toInstant(), rs.getString(i++),
                rs.getString(i++), rs.getBoolean(i++), rs.getString(i++), rs.getInt(i));
    }
}
