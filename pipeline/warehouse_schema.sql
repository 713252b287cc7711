-- The loaded layer of the warehouse (CONTRACT: exports, participants, spells, quarantine).
-- Every export ever ingested keeps its rows in participants_all / spells_all; the
-- views participants / spells show the newest export (by export_date) of each partnership.

create table if not exists exports (
    export_id         varchar primary key,
    partnership_id    varchar not null,
    export_date       date not null,
    source_path       varchar not null,
    sha256            varchar not null,
    ingested_at       timestamp not null,
    rows_read         bigint not null,
    rows_loaded       bigint not null,
    rows_quarantined  bigint not null,
    superseded        boolean not null,
    synthetic         boolean not null default false,
    dropped_columns   varchar            -- names of columns outside the contract, never their values
);

create table if not exists participants_all (
    participant_id      varchar not null,
    partnership_id      varchar not null,
    municipality_code   varchar not null,
    birth_year          integer,
    sex                 varchar,
    stu_start_date      date not null,
    stu_end_date        date,
    phase1_start        date,
    phase2_start        date,
    phase3_start        date,
    phase4_start        date,
    programme_cost_dkk  double,
    export_id           varchar not null
);

create table if not exists spells_all (
    participant_id   varchar not null,
    status           varchar not null,
    category         varchar not null,
    start_date       date not null,
    end_date         date,
    hours_per_week   double,
    employer_id      varchar,
    export_id        varchar not null
);

create table if not exists quarantine (
    export_id    varchar not null,
    source_path  varchar not null,
    sheet        varchar not null,
    row_number   bigint not null,
    column_name  varchar,
    value        varchar,
    reason       varchar not null
);

-- Non-fatal remarks about loaded data (dropped columns, end dates after the export date).
create table if not exists ingest_warnings (
    export_id    varchar not null,
    source_path  varchar not null,
    sheet        varchar,
    row_number   bigint,
    column_name  varchar,
    message      varchar not null
);

-- Exports refused whole: nothing of them is loaded, but the attempt is kept for the
-- data-quality report.
create table if not exists rejected_exports (
    source_path   varchar not null,
    sha256        varchar,
    attempted_at  timestamp not null,
    reason        varchar not null
);

create or replace view participants as
select p.*
from participants_all as p
join exports as e using (export_id)
where not e.superseded;

create or replace view spells as
select s.*
from spells_all as s
join exports as e using (export_id)
where not e.superseded;
