-- Descriptor files used to be remembered by their path from the harvest root ("catalog-info.yaml"), so two folders
-- with the same file names shared one harvest_inputs row (one overwrote the other's content hash) and one claim on
-- entities. The descriptors harvester now uses the file's absolute path as the location.
--
-- Rows under the old relative locations cannot be told apart by root (that was the bug), so they are forgotten here
-- rather than guessed: the next harvest of each folder processes its files once more and re-claims everything they
-- still declare under the absolute path. Forgetting them also keeps a folder's first harvest after this migration
-- from treating the old rows as its deleted files, which would remove entities another folder declared under the
-- same name. Entities, edges and policies are not touched: what no folder declares any more keeps its old relative
-- claim and stays until it is removed by hand. Raw inputs are kept (replay still works).
DELETE FROM harvest_inputs
WHERE harvester = 'descriptors'
  AND location NOT LIKE '/%'          -- POSIX absolute paths (new rows)
  AND location !~ '^[A-Za-z]:/';      -- Windows absolute paths with forward slashes (new rows)
