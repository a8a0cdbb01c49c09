"""The chart-speed layer: charts drawn by plotly.js's partial bundles, loaded early, with the
heavy Python imports done before the first visitor. It leans on Streamlit internals: see
README.md in this folder before upgrading Streamlit or plotly."""
