"""Streamlit building blocks shared by the dashboard's pages (the pages stay thin)."""
