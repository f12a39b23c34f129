/*
 * The plugin's schema. A snapshot is one refresh: its components (their inputs, plus the columns the
 * routes filter and aggregate on; assessments are derived from the inputs when read), its teams, and
 * history points, staged under status `building` and published by one transaction that marks it
 * `complete`. Decisions live outside snapshots so they carry over to later ones.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('snapshots', table => {
    table.comment('One refresh; readers see it once status is complete');
    table.increments('id').primary();
    table.string('status', 16).notNullable().defaultTo('building');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.integer('duration_ms').notNullable();
    table.integer('component_count').notNullable();
    table.string('currency', 8).notNullable();
  });

  await knex.schema.createTable('snapshot_components', table => {
    table.comment(
      'Each component of a snapshot: its catalog facts and figures as columns; `record` holds, as JSON, the other inputs its assessment is derived from (type, lifecycle, annotations, relation counts)',
    );
    table.integer('snapshot_id').notNullable().references('id').inTable('snapshots').onDelete('CASCADE');
    table.string('entity_ref').notNullable();
    table.string('name').notNullable();
    table.string('title');
    table.string('owner');
    table.string('system');
    table.string('domain');
    table.string('model', 16);
    table.string('platform', 32);
    table.boolean('annotated').notNullable();
    table.integer('diagnostic_count').notNullable();
    table.double('monthly_cost');
    table.double('best_monthly_cost');
    table.boolean('posture_risk').notNullable();
    table.string('suggestion_id');
    table.text('suggestion');
    table.text('record').notNullable();
    // The primary key is the only index: filters, counts and the map are answered from an in-memory
    // index of each snapshot (services/SnapshotIndex.ts), and every further index here would be
    // rebuilt for every component on every refresh.
    table.primary(['snapshot_id', 'entity_ref']);
  });

  await knex.schema.createTable('snapshot_groups', table => {
    table.comment('The group hierarchy as the catalog had it at a snapshot');
    table.integer('snapshot_id').notNullable().references('id').inTable('snapshots').onDelete('CASCADE');
    table.string('group_ref').notNullable();
    table.string('title');
    table.string('type');
    table.string('parent_ref');
    table.primary(['snapshot_id', 'group_ref']);
  });

  await knex.schema.createTable('history_points', table => {
    table.comment('Figures per snapshot for the org and each team, and for a component whenever they change');
    table.integer('snapshot_id').notNullable().references('id').inTable('snapshots').onDelete('CASCADE');
    table.string('subject').notNullable();
    table.string('kind', 16).notNullable();
    table.double('monthly_cost').notNullable();
    table.double('best_monthly_cost').notNullable();
    table.double('potential_savings').notNullable();
    table.integer('components').notNullable();
    table.integer('open_suggestions').notNullable();
    table.double('score');
    table.primary(['subject', 'snapshot_id']);
  });

  await knex.schema.createTable('decisions', table => {
    table.comment('Decisions on suggestions, keyed by the stable suggestion id');
    table.string('suggestion_id').primary();
    table.string('decision', 16).notNullable();
    table.text('reason');
    table.timestamp('snooze_until', { useTz: true });
    table.string('decided_by').notNullable();
    table.timestamp('decided_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('decisions');
  await knex.schema.dropTable('history_points');
  await knex.schema.dropTable('snapshot_groups');
  await knex.schema.dropTable('snapshot_components');
  await knex.schema.dropTable('snapshots');
};
