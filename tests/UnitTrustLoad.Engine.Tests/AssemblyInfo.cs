// The engine's tests measure schedules and concurrency against the real clock; run one class at a time so they
// do not starve each other of the two cores (the whole project still takes well under a minute).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
