-- What identifies a campaign's inputs beyond its commit: the digests of its image and base image (from the build)
-- and what the simulation program answered to -v at expansion
ALTER TABLE campaign ADD COLUMN image_digest TEXT;
ALTER TABLE campaign ADD COLUMN base_image_digest TEXT;
ALTER TABLE campaign ADD COLUMN simulator_version TEXT;
