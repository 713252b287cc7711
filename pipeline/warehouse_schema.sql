-- The loaded layer of the warehouse (docs/export-format.md: exports, participants, spells,
-- quarantine). What an ingest writes is never rewritten afterwards: every export ever
-- ingested keeps its row in exports_loaded and its rows in participants_all / spells_all.
-- Which export is current is defined once, in the view current_exports; the views
-- exports (with `superseded`), participants and spells derive from it.

create table if not exists exports_loaded (
    export_id         varchar primary key,
    partnership_id    varchar not null,
    export_date       date not null,
    source_path       varchar not null,
    sha256            varchar not null,
    ingested_at       timestamp not null,
    rows_read         bigint not null,
    rows_loaded       bigint not null,
    rows_quarantined  bigint not null,
    synthetic         boolean not null default false,
    dropped_columns   varchar            -- names of columns outside the format, never their values
);

-- The current export of each partnership: the newest by export_date; of two with the same
-- date, the one ingested later (a re-sent correction), then the larger export_id.
create or replace view current_exports as
select * from exports_loaded
qualify row_number() over (partition by partnership_id
                           order by export_date desc, ingested_at desc, export_id desc) = 1;

-- Every export with `superseded` = not the current one of its partnership.
create or replace view exports as
select e.export_id, e.partnership_id, e.export_date, e.source_path, e.sha256, e.ingested_at, e.rows_read,
       e.rows_loaded, e.rows_quarantined,
       e.export_id not in (select export_id from current_exports) as superseded,
       e.synthetic, e.dropped_columns
from exports_loaded as e;

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
join current_exports using (export_id);

create or replace view spells as
select s.*
from spells_all as s
join current_exports using (export_id);

-- Comparison group (register extracts of STU completers who were not in the programme).
-- Kept apart from the programme's youths: no programme figure reads these tables.
create table if not exists comparison_exports (
    export_id         varchar primary key,
    source            varchar not null,      -- where the extract comes from (free text)
    -- the load record, column for column as in exports_loaded
    export_date date not null, source_path varchar not null, sha256 varchar not null, ingested_at timestamp not null,
    rows_read bigint not null, rows_loaded bigint not null, rows_quarantined bigint not null,
    synthetic boolean not null default false,
    form              varchar not null       -- 'export' (cohort-export form) or 'register' (weekly codes)
);

create table if not exists comparison_participants_all (
    participant_id      varchar not null,
    municipality_code   varchar not null,
    birth_year          integer not null,
    sex                 varchar not null,
    stu_start_date      date,
    stu_end_date        date not null,
    export_id           varchar not null
);

create table if not exists comparison_spells_all (
    participant_id   varchar not null,
    status           varchar not null,
    category         varchar not null,
    start_date       date not null,
    end_date         date,
    export_id        varchar not null
);

-- The current extract of each source: the newest by export_date (then the later ingest).
create or replace view comparison_current_exports as
select * from comparison_exports
qualify row_number() over (partition by source order by export_date desc, ingested_at desc, export_id desc) = 1;

create or replace view comparison_participants as
select p.* from comparison_participants_all as p join comparison_current_exports using (export_id);

create or replace view comparison_spells as
select s.* from comparison_spells_all as s join comparison_current_exports using (export_id);
