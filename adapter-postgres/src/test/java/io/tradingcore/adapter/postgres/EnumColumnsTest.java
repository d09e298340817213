package io.tradingcore.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.adapter.postgres.jooq.DefaultSchema;
import io.tradingcore.domain.RunMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.Converter;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL enum columns are read and written as the domain enums (forcedType + EnumConverter in
 * {@code src/jooq/codegen.xml}). EnumConverter maps by name and would read an unknown literal as null, so this
 * test holds what the old hand-written mapping checked at run time: every enum column is converted, and each
 * database enum lists exactly the constants of its domain enum, in the same order.
 */
class EnumColumnsTest {

    @Test
    void everyEnumColumnIsADomainEnumWithTheSameConstants() {
        List<String> converted = new ArrayList<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (Field<?> field : table.fields()) {
                Converter<?, ?> c = field.getConverter();
                if (EnumType.class.isAssignableFrom(c.fromType())) {
                    String column = table.getName() + "." + field.getName();
                    assertThat(c.toType().getPackageName()).as(column + " user type").isEqualTo("io.tradingcore.domain");
                    List<String> literals = Arrays.stream(c.fromType().getEnumConstants())
                            .map(e -> ((EnumType) e).getLiteral()).toList();
                    List<String> names = Arrays.stream(c.toType().getEnumConstants())
                            .map(e -> ((Enum<?>) e).name()).toList();
                    assertThat(names).as(column + ": " + c.toType().getSimpleName() + " vs the database enum")
                            .containsExactlyElementsOf(literals);
                    converted.add(column);
                }
                assertThat(EnumType.class.isAssignableFrom(field.getType()))
                        .as(table.getName() + "." + field.getName() + " is still a generated jOOQ enum").isFalse();
            }
        }
        assertThat(converted).contains("run_context.run_mode", "order_request.status", "risk_hourly_state.drawdown_tier",
                "trade_signal.action", "model_version.horizon", "order_request.order_type", "executed_trade.side");
    }

    @Test
    void aDomainEnumRoundTripsThroughItsColumn() {
        @SuppressWarnings("unchecked")
        Converter<Object, RunMode> c = (Converter<Object, RunMode>) io.tradingcore.adapter.postgres.jooq.Tables
                .RUN_CONTEXT.RUN_MODE.getConverter();
        for (RunMode m : RunMode.values()) {
            Object db = c.to(m);
            assertThat(((EnumType) db).getLiteral()).isEqualTo(m.name());
            assertThat(c.from(db)).isEqualTo(m);
        }
    }
}
