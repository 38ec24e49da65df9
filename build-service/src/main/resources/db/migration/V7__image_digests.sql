-- The content digests of a finished build's image and of its base image, for the runs' provenance
ALTER TABLE build ADD COLUMN image_digest TEXT;
ALTER TABLE build ADD COLUMN base_image_digest TEXT;
