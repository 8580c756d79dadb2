"""Stories: which items report the same happening, across outlets and languages.

Pure functions, like tagging: items in, story keys out. The store keeps the results
and the user's corrections, which come back in as `Constraints`.
"""

from monitor.stories.cluster import ClusterConfig, Clusterer, Constraints, by_time, recluster, stories
from monitor.stories.features import FeatureExtractor, Features, StoryItem

__all__ = [
    "ClusterConfig",
    "Clusterer",
    "Constraints",
    "FeatureExtractor",
    "Features",
    "StoryItem",
    "by_time",
    "recluster",
    "stories",
]
