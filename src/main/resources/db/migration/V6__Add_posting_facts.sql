-- What a posting says about visa sponsorship, the degrees it accepts, the kind of role, and its description.
-- Same rules as V1: standard types, never edited once landed. Rows stored before this migration have NULLs until
-- their source's next poll fills them in (a NULL category marks such a row).
ALTER TABLE postings ADD COLUMN sponsorship VARCHAR(16);  -- offered | none | citizens | unknown
ALTER TABLE postings ADD COLUMN degrees     VARCHAR(64);  -- comma-separated: bachelor,master,phd; '' = none named
ALTER TABLE postings ADD COLUMN category    VARCHAR(16);  -- software | data-ml | quant | ... | other
ALTER TABLE postings ADD COLUMN description VARCHAR;      -- plain text, at most 20,000 characters

-- Forget the sources' validators, so that the first poll after this migration reads every source in full (a
-- "not modified" answer would leave the rows above empty until the source changes).
UPDATE source_state SET etag = NULL, last_modified = NULL;
