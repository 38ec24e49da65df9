-- Who queued a build over REST (the subject of their token); null for the builds campaigns ask for over Kafka
ALTER TABLE build ADD COLUMN owner TEXT;
