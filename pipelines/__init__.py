"""Batch jobs over the library: ingest case folders, index award archives, draft awards.

Each job wires stages of `arbitration` together and runs through `pipelines.batch.run_batch`, which gives every
job the same behaviour: parallel workers (local processes, or Ray for a province's archive), a progress bar,
resume by content hash, atomic outputs and a failure report naming each bad file and why.
"""
